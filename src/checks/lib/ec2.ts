import { particle } from '../../core/korean.js';
import type { Ec2Instance } from '../../core/records.js';
import type { Verdict } from './per-resource.js';

/** Instances that still exist in a billable or restartable state (terminated ones are gone). */
export function liveInstances(instances: readonly Ec2Instance[]): Ec2Instance[] {
  return instances.filter((i) => i.state !== 'terminated' && i.state !== 'shutting-down');
}

export function instanceResource(i: Ec2Instance) {
  return { resourceId: i.instanceId, resourceArn: i.arn, resourceName: i.name, region: i.region };
}

/** Utilization rules judge running instances only; anything else is not_applicable. */
export function notRunning(i: Ec2Instance, label: string): Verdict | undefined {
  if (i.state === 'running') return undefined;
  return {
    status: 'not_applicable',
    message: {
      en: `${label} is ${i.state}, not running.`,
      ko: `${label}${particle(label, '은/는')} 실행 중이 아닙니다 (${i.state}).`,
    },
  };
}
