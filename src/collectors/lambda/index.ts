import { lambdaFunctions } from './functions.js';
import { lambdaMemoryUsage } from './memory-usage.js';

export const collectors = [lambdaFunctions, lambdaMemoryUsage];
