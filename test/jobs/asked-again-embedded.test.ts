import { askedAgainSuite } from './asked-again.js';

askedAgainSuite('embedded', () => ({}));
