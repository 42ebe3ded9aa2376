// NAMI (npm "nami") reading the replayed trace: counts the events it emits up to the end of the stream.
// Usage: node nami.js PORT    Prints: RESULT end=<monotonic ns> delivered=<events> dropped=0 channels=-1
'use strict';
const { Nami } = require('nami');

const nami = new Nami({ host: '127.0.0.1', port: Number(process.argv[2]), username: 'amicus', secret: 'secret' });
nami.logLevel = 0; // errors only: its default, debug, prints every event
let delivered = 0;
nami.on('namiEvent', (event) => {
  if (event.event === 'FullyBooted') {
    console.log(`RESULT end=${process.hrtime.bigint()} delivered=${delivered} dropped=0 channels=-1`);
    process.exit(0);
  }
  delivered++;
});
nami.open();
