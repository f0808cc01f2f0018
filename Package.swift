// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swtrace",
    products: [
        .executable(name: "swtrace", targets: ["swtrace"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only code that calls ptrace(2), waitpid(2) macros and fork(2): Swift cannot import
        // glibc's variadic ptrace() and must not fork.
        .target(name: "CPtrace"),
        .systemLibrary(
            name: "CSeccomp",
            pkgConfig: "libseccomp",
            providers: [.apt(["libseccomp-dev"])]
        ),
        .target(name: "SyscallTables"),
        .target(name: "SyscallDecoding", dependencies: ["SyscallTables"]),
        .target(name: "Tracing", dependencies: ["CPtrace", "CSeccomp", "SyscallTables", "SyscallDecoding"]),
        .executableTarget(
            name: "swtrace",
            dependencies: [
                "Tracing", "SyscallDecoding", "SyscallTables",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SyscallTablesTests", dependencies: ["SyscallTables", "CSeccomp"]),
        .testTarget(name: "SyscallDecodingTests", dependencies: ["SyscallDecoding", "SyscallTables"]),
        .testTarget(
            name: "TracingTests",
            dependencies: ["Tracing", "SyscallDecoding", "SyscallTables"],
            exclude: ["Captures", "SummaryFixture", "FilterFixtures"]
        ),
        // Runs the built swtrace on Fixture/swtrace-fixture.c, which the tests compile with the
        // system C compiler (static, so that its syscalls do not depend on the dynamic loader).
        .testTarget(name: "EndToEndTests", dependencies: ["SyscallTables", "SyscallDecoding"], exclude: ["Fixture", "FamilyFixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
