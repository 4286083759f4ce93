import { changes } from './changes';
import { store } from './store';

export default { changes, store };
