// The tooltip UI chunk (policy-glossary-ui.mjs): Preact and the shared tooltip controller, loaded on
// the reader's first attempt to open a tooltip, so pages nobody interacts with never download it.
export { mountGlossaryUI } from '../ui/controller';
export { TOOLTIP_STYLES } from '../ui/styles';
export { createStrings } from '../ui/strings';
