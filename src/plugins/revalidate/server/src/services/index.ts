import { dispatcher } from './dispatcher';
import { events } from './events';
import { outbox } from './outbox';

export default { dispatcher, events, outbox };
