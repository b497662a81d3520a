export { KeyGenerator } from './keys/key-generator.js';
