import type { Ec2Instance } from '../../core/records.js';

/** Instances that still exist in a billable or restartable state (terminated ones are gone). */
export function liveInstances(instances: readonly Ec2Instance[]): Ec2Instance[] {
  return instances.filter((i) => i.state !== 'terminated' && i.state !== 'shutting-down');
}

export function instanceResource(i: Ec2Instance) {
  return { resourceId: i.instanceId, resourceArn: i.arn, resourceName: i.name, region: i.region };
}
