// Minimal types for dynalite (an in-process DynamoDB emulator on LevelDB), which ships none.
// Only the options and the server this project uses; see node_modules/dynalite/index.js.
declare module 'dynalite' {
  interface DynaliteOptions {
    /** LevelDB directory; omit to keep everything in memory */
    path?: string;
    /** how long a table stays CREATING / DELETING / UPDATING (default 500 ms each) */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** largest item accepted, in KB (default 400, as DynamoDB) */
    maxItemSizeKb?: number;
    ssl?: boolean;
    verbose?: boolean;
    debug?: boolean;
  }

  /** Returns an unstarted http(s) server; its close() also closes the LevelDB store. */
  function dynalite(options?: DynaliteOptions): import('node:http').Server;

  export = dynalite;
}
