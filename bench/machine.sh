#!/usr/bin/env bash
# Prints the machine a benchmark ran on: cores, memory, CPU model, kernel.
mem=$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "machine: cores $(nproc), memory ${mem} GiB, CPU ${cpu}, $(uname -sr)"
