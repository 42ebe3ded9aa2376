// NAMI (npm "nami") reading the replayed trace: counts the events it emits up to the end of the stream.
// Usage: node nami.js PORT    Prints: RESULT end=<monotonic ns> delivered=<events> dropped=0 channels=-1
//   cpu=<CPU ns of the process from the first event to the end>
'use strict';
const { Nami } = require('nami');

const nami = new Nami({ host: '127.0.0.1', port: Number(process.argv[2]), username: 'amicus', secret: 'secret' });
nami.logLevel = 0; // errors only: its default, debug, prints every event
let delivered = 0;
let cpuAtFirst = null;
const cpuNanos = () => { const used = process.cpuUsage(); return (used.user + used.system) * 1000; };
nami.on('namiEvent', (event) => {
  if (event.event === 'FullyBooted') {
    console.log(`RESULT end=${process.hrtime.bigint()} delivered=${delivered} dropped=0 channels=-1 cpu=${cpuNanos() - (cpuAtFirst ?? cpuNanos())}`);
    process.exit(0);
  }
  if (cpuAtFirst === null) cpuAtFirst = cpuNanos();
  delivered++;
});
nami.open();
