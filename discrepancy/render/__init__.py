"""Renderers: pure functions from a command's result to text, one file per output format.
The formats and the options record are in `options`, the renderer of each format in `registry`,
the formatting they share (numbers, intervals, plurals, escaping) in `formatting`."""
