import { useParams } from 'react-router-dom';
import { AppealView } from '../shared/AppealView';

/** An appeal's handling page on the desk (deep link: /desk/appeals/:id). */
export default function HandlingPage() {
  const { id } = useParams();
  return id ? <AppealView id={id} workspace="desk" /> : null;
}
