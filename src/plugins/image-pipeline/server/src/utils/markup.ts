// Markup a browser or PHP would run if the file were ever served or included as text.
const MARKUP = /<(script|html|body|iframe|object|embed|svg|\?php)[\s>/]|javascript:/i;

/** Whether an image carries HTML, SVG, script or PHP anywhere in its bytes (a polyglot). */
export const hasMarkup = (bytes: Buffer): boolean => MARKUP.test(bytes.toString('latin1'));
