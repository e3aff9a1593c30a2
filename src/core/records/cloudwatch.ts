/** CloudWatch records: CloudWatch Logs metric filters and CloudWatch alarms. */
import { z } from 'zod';
import { recordBaseSchema } from './common.js';

export const cloudWatchMetricFilterSchema = recordBaseSchema.extend({
  filterName: z.string(),
  logGroupName: z.string(),
  filterPattern: z.string(),
  metricTransformations: z.array(z.object({ metricName: z.string(), metricNamespace: z.string() })),
});

export const cloudWatchAlarmSchema = recordBaseSchema.extend({
  alarmName: z.string(),
  arn: z.string(),
  metricName: z.string().optional(),
  namespace: z.string().optional(),
  alarmActions: z.array(z.string()),
  stateValue: z.string().optional(),
});

export type CloudWatchMetricFilter = z.infer<typeof cloudWatchMetricFilterSchema>;
export type CloudWatchAlarm = z.infer<typeof cloudWatchAlarmSchema>;
