// Module RVMTarget: see ../shared/DESIGN.md and Package.swift for its role.
