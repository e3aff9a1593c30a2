import { useNavigate } from 'react-router-dom';
import { StartRunForm } from '../../components/advisor/StartRunForm';

/** What the results page reads from the navigation state to follow the run just started. */
export interface FollowRunState {
  followRun: string;
}

export const isFollowRunState = (state: unknown): state is FollowRunState =>
  typeof state === 'object' &&
  state !== null &&
  typeof (state as { followRun?: unknown }).followRun === 'string';

/** The run form on its own tab, so the results tab shows results first; a started run opens there. */
export function NewRunView() {
  const navigate = useNavigate();
  return (
    <StartRunForm
      onStarted={(runId) =>
        navigate(`/advisor?run=${encodeURIComponent(runId)}`, {
          state: { followRun: runId } satisfies FollowRunState,
        })
      }
      onScanStarted={(scanId) => navigate(`/advisor/scans/${encodeURIComponent(scanId)}`)}
    />
  );
}
