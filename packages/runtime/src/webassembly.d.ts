/**
 * The part of the WebAssembly JS API that the script sandbox uses. Node has it, but
 * TypeScript declares it only in the DOM lib, which the server does not load.
 */
declare namespace WebAssembly {
  class Module {
    private readonly module: unknown;
  }
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer;
  }
  function compile(bytes: ArrayBufferView | ArrayBuffer): Promise<Module>;
}
