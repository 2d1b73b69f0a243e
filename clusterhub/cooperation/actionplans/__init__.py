"""Action plans of clusters and meta-clusters: the writes (`services`), the reads
(`queries`), the timeline chart (`charts`) and the exports (`exports`)."""
