/**
 * The app's Session page, written as a layout of the kit (ui/layouts), as
 * a user's layout would write it: the set's clip grid. It is also an
 * example of `<Session />`.
 */
import { Layout, Session } from '../layouts';

export function SessionLayout() {
  return (
    <Layout title="Session" bare>
      <Session />
    </Layout>
  );
}
