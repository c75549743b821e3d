"""An uncaught KeyboardInterrupt (the interpreter then dies of SIGINT)."""
print("about to interrupt")
raise KeyboardInterrupt
