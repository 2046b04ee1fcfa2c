"""Parse a catalogue of references on Spark: one reference per line in, Parquet out.

Local:    python examples/spark/parse_references.py refs.txt out.parquet
Cluster:  spark-submit --master yarn --deploy-mode cluster \
              examples/spark/parse_references.py hdfs:///catalogue/refs.txt hdfs:///catalogue/parsed
          (install the extra on every worker first: pip install 'citekit[spark]', or ship a
          packed environment with --archives; the workers need citekit, not the driver only)

The output has the input's columns and citekit's: id, raw, item (CSL-JSON string), language,
confidence, diagnostics (code, severity, message, start, end, field).  N rows in, N rows out:
a null, empty or junk line gets its diagnostics, never a failed task.
"""

import sys

from pyspark.sql import SparkSession

import citekit.spark

if __name__ == "__main__":
    source, target = sys.argv[1], sys.argv[2]
    spark = SparkSession.builder.appName("citekit-parse").getOrCreate()
    lines = spark.read.text(source).withColumnRenamed("value", "raw")
    parsed = citekit.spark.parse(lines, column="raw", standard="gbt7714-2015")
    parsed.write.mode("overwrite").parquet(target)
    # problems by code, for a first look at the catalogue
    parsed.selectExpr("explode(diagnostics) AS d").groupBy("d.code").count().orderBy("code").show()
    spark.stop()
