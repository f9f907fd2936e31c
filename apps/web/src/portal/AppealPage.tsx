import { useParams } from 'react-router-dom';
import { AppealView } from '../shared/AppealView';

/** An appeal's page in the enterprise portal (deep link: /portal/appeals/:id). */
export default function AppealPage() {
  const { id } = useParams();
  return id ? <AppealView id={id} workspace="portal" /> : null;
}
