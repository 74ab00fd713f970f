"""Development tools the tests and benchmarks import: gold scoring and the generated-corpus maker (not shipped)."""
