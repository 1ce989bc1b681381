from discrepancy.cli import main

main()
