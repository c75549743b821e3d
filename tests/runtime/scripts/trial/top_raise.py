"""A script that raises at top level, after some output, from a nested call."""


def load(config):
    return config["port"]


def start(config):
    port = load(config)
    print("listening on", port)


print("starting")
start({"port": 8080})
start({"host": "localhost"})
print("never printed")
