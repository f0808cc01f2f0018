// swift-tools-version:6.0
import PackageDescription

// Generic types (the tracee dictionary, the catalog's tables, the option list) get their metadata
// from direct accessor calls, not from mangled names the runtime demangles at first use: the
// demangler was a quarter of a short trace's start-up (`-e trace=openat -- /bin/true`: 2.81 M ->
// 2.34 M instructions, 3.96 -> 3.61 ms) for 24 KB more code. Release only, every Swift target.
let startUp: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
                                            .when(configuration: .release))]
let hotPath: [SwiftSetting] = startUp + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "swtrace",
    products: [
        .executable(name: "swtrace", targets: ["swtrace"]),
        // For Benchmarks/DecodeBenchmarks, a package of its own (not built by `swift build` here).
        .library(name: "SyscallDecoding", targets: ["SyscallDecoding", "SyscallTables"]),
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
        .target(name: "SyscallTables", swiftSettings: startUp),
        // The hot path of every syscall stop: the release build leaves out the run-time
        // exclusivity checks of class properties (a sixth of the tracer's instructions per call,
        // scripts/count-instructions); the compiler's static checks and debug builds keep them.
        .target(name: "SyscallDecoding", dependencies: ["SyscallTables"], swiftSettings: hotPath),
        .target(name: "Tracing", dependencies: ["CPtrace", "CSeccomp", "SyscallTables", "SyscallDecoding"],
                swiftSettings: hotPath),
        // strace's command line, read into TraceOptions: a library, so that tests can parse
        // command lines without running anything.
        .target(name: "SwtraceCommandLine", dependencies: ["Tracing", "SyscallDecoding"], swiftSettings: startUp),
        // The Swift runtime linked in (release only): the dynamic linker resolving its symbols
        // was a third of swtrace's start-up, which is most of a short or filtered trace. The C++
        // library the runtime needs too: Linker/libstdc++.so names the static archive.
        .executableTarget(name: "swtrace", dependencies: ["SwtraceCommandLine", "Tracing"], swiftSettings: startUp,
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-L", Context.packageDirectory + "/Linker"],
                                                        .when(configuration: .release))]),
        .testTarget(name: "SyscallTablesTests", dependencies: ["SyscallTables", "CSeccomp"]),
        .testTarget(name: "SwtraceCommandLineTests", dependencies: ["SwtraceCommandLine", "Tracing", "SyscallTables"]),
        .testTarget(name: "SyscallDecodingTests", dependencies: ["SyscallDecoding", "SyscallTables"]),
        .testTarget(
            name: "TracingTests",
            dependencies: ["Tracing", "SyscallDecoding", "SyscallTables"],
            exclude: ["Captures", "SummaryFixture", "FilterFixtures"]
        ),
        // Runs the built swtrace on Fixture/swtrace-fixture.c, which the tests compile with the
        // system C compiler (static, so that its syscalls do not depend on the dynamic loader).
        .testTarget(name: "EndToEndTests", dependencies: ["SyscallTables", "SyscallDecoding"], exclude: ["Fixture", "NetworkFixtures", "FamilyFixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
