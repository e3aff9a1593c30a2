import { defineCollector } from '../types.js';
import { collectClassicLoadBalancers } from './classic.js';
import { collectV2LoadBalancers } from './v2.js';

/** Every load balancer of the region: elbv2 (ALB, NLB, Gateway) first, then Classic, as one record kind. */
export const loadBalancersCollector = defineCollector({
  id: 'elb.load-balancers',
  async *collect(ctx) {
    yield* collectV2LoadBalancers(ctx);
    yield* collectClassicLoadBalancers(ctx);
  },
});
