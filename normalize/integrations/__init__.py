"""normalize inside the tools data pipelines are built with. Each module is
optional and imports its tool only when it is itself imported:

    normalize.integrations.datatrove     a datatrove pipeline step (extra `datatrove`)
    normalize.integrations.hf_datasets   a function for Hugging Face `Dataset.map`
                                         (extra `datasets`)

Dask lives in `normalize.cluster` (extra `dask`).
"""
