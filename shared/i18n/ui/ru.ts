import type { Catalogue } from '../catalogue';
import type en from './en';
import base from './en';

// TEMPORARY: to be translated.
export default base satisfies Catalogue<typeof en>;
