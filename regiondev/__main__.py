from regiondev.cli.app import main

main()
