import { ChannelsCard } from './ChannelsCard';
import { DeliveriesCard, RulesCard } from './RulesCard';

/** Settings → Notifications: channels (with "send a test"), rules and the delivery history. */
export function NotificationsSettings() {
  return (
    <>
      <ChannelsCard />
      <RulesCard />
      <DeliveriesCard />
    </>
  );
}
