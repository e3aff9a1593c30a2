import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
} from '@aws-sdk/client-config-service';
import type { ConfigRecorder } from '../../core/records/config.js';
import { defineCollector } from '../types.js';

/**
 * The region's configuration recorders with their status: two calls per region, neither paged
 * (AWS allows one recorder per region for the account's own use).
 */
export const configRecorders = defineCollector({
  id: 'config.recorders',
  async *collect(ctx) {
    const client = ctx.client(ConfigServiceClient);
    const options = { abortSignal: ctx.signal };
    const { ConfigurationRecorders = [] } = await client.send(
      new DescribeConfigurationRecordersCommand({}),
      options,
    );
    if (ConfigurationRecorders.length === 0) return;
    const { ConfigurationRecordersStatus = [] } = await client.send(
      new DescribeConfigurationRecorderStatusCommand({}),
      options,
    );
    for (const recorder of ConfigurationRecorders) {
      const status = ConfigurationRecordersStatus.find((s) => s.name === recorder.name);
      const record: ConfigRecorder = {
        region: ctx.region,
        name: recorder.name ?? '',
        ...(recorder.roleARN ? { roleArn: recorder.roleARN } : {}),
        allSupported: recorder.recordingGroup?.allSupported === true,
        resourceTypes: recorder.recordingGroup?.resourceTypes ?? [],
        ...(status?.recording !== undefined ? { recording: status.recording } : {}),
        ...(status?.lastStatus ? { lastStatus: status.lastStatus } : {}),
      };
      yield record;
    }
  },
});
