-- MLflow keeps its tracking tables in a database of its own beside ESC-Lab's.
CREATE DATABASE mlflow OWNER escnet;
