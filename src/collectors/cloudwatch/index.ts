/** The CloudWatch metric collectors (the registry discovers these exports). */
import { ec2InstanceMetricsCollector } from './ec2-instance-metrics.js';
import { lambdaFunctionMetricsCollector } from './lambda-function-metrics.js';
import { rdsInstanceMetricsCollector } from './rds-instance-metrics.js';

export const cloudwatchCollectors = [
  ec2InstanceMetricsCollector,
  rdsInstanceMetricsCollector,
  lambdaFunctionMetricsCollector,
];
