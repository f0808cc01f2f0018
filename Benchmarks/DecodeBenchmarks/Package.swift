// swift-tools-version:6.0
// Decode-and-format micro-benchmarks for swtrace: a package of its own, so that `swift build` and
// the tests of swtrace never build it. Run it with `scripts/bench-decode` (a release build).
import PackageDescription

let package = Package(
    name: "DecodeBenchmarks",
    dependencies: [.package(name: "swtrace", path: "../..")],
    targets: [
        // Interposes malloc in the benchmark executable and counts the calling thread's allocations.
        .target(name: "MallocCounter"),
        .executableTarget(
            name: "decode-benchmarks",
            dependencies: ["MallocCounter", .product(name: "SyscallDecoding", package: "swtrace")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
