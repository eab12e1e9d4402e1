"""The dataset: table schemas, rows from extraction results, the out-of-core merge, storage, datapackage, SQL queries."""
