import { scheduler } from './scheduler';

export default { scheduler };
