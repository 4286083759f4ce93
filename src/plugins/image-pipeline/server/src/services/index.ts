import { altText } from './alt-text';
import { guard } from './guard';
import { processor } from './processor';

export default { altText, guard, processor };
