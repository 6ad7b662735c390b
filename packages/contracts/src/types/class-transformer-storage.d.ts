// class-transformer ships this module without typings next to it; its declaration lives under types/.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
