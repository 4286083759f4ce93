import { store } from './store';
import { worker } from './worker';

export default { store, worker };
