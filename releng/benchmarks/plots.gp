# Draws the benchmark plots from the data files the harness writes.
#   gnuplot -e "data='releng/benchmarks/target'; images='docs/images'" releng/benchmarks/plots.gp
set terminal pngcairo size 900,500 font "DejaVu Sans,11"
set grid ytics

set output images.'/performance-throughput.png'
set title "Events per second, same recorded Asterisk 22 trace (full speed; Amicus: highest rate with zero loss)"
set style fill solid 0.8 border -1
set boxwidth 0.6
set ylabel "events/s"
set format y "%.0s%c"
set yrange [0:*]
unset key
plot data.'/throughput.dat' using 0:2:xtic(1) with boxes lc rgb "#3070b0", \
     '' using 0:2:(sprintf("%.0fk", $2/1000)) with labels offset 0,0.8

set output images.'/performance-lag.png'
set title "Dispatch lag: server write to listener (Amicus: registry applied)"
set xlabel "lag (ms, log scale)"
set ylabel "share of events"
set logscale x
set format x "%g"
set format y "%.0f%%"
set yrange [0:100]
set key bottom right
plot data.'/lag-amicus-1000.dat' using 1:($2*100) with lines lw 2 title "Amicus, 1,000 events/s", \
     data.'/lag-amicus-10000.dat' using 1:($2*100) with lines lw 2 title "Amicus, 10,000 events/s", \
     data.'/lag-amicus-window-10000.dat' using 1:($2*100) with lines lw 2 title "Amicus as the window, 10,000 events/s", \
     data.'/lag-framing-1000.dat' using 1:($2*100) with lines dt 2 title "framing limit, 1,000 events/s", \
     data.'/lag-framing-10000.dat' using 1:($2*100) with lines dt 2 title "framing limit, 10,000 events/s"
