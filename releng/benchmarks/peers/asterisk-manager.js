// asterisk-manager (npm) reading the replayed trace: counts the events it emits up to the end of the stream.
// Usage: node asterisk-manager.js PORT    Prints: RESULT end=<monotonic ns> delivered=<events> dropped=0 channels=-1
//   cpu=<CPU ns of the process from the first event to the end>
'use strict';
const AsteriskManager = require('asterisk-manager');

const ami = new AsteriskManager(Number(process.argv[2]), '127.0.0.1', 'amicus', 'secret', true);
let delivered = 0;
let cpuAtFirst = null;
const cpuNanos = () => { const used = process.cpuUsage(); return (used.user + used.system) * 1000; };
ami.on('managerevent', (event) => {
  if (event.event === 'FullyBooted') {
    console.log(`RESULT end=${process.hrtime.bigint()} delivered=${delivered} dropped=0 channels=-1 cpu=${cpuNanos() - (cpuAtFirst ?? cpuNanos())}`);
    process.exit(0);
  }
  if (cpuAtFirst === null) cpuAtFirst = cpuNanos();
  delivered++;
});
