/** The element ids of a form control and the texts that describe it, one place for page and script. */
import type { ProposeField } from '../../site/propose.ts';

export const controlId = (field: Pick<ProposeField, 'name'>) => `field-${field.name.replace(/\./g, '-')}`;
export const helpId = (field: Pick<ProposeField, 'name'>) => `${controlId(field)}-help`;
export const errorId = (field: Pick<ProposeField, 'name'>) => `${controlId(field)}-error`;
/** The help (when there is one) and the error, in the order a screen reader should say them. */
export const describedBy = (field: ProposeField) => [field.help ? helpId(field) : '', errorId(field)].filter(Boolean).join(' ');
