package org.macm.station.officer;

import org.macm.station.StationException;

/**
 * The cost of one Argon2id hash: memory in KiB, passes over it, and lanes. Every stored hash
 * carries its own cost, so the default can be raised later while the hashes made before
 * still verify. {@link #DEFAULT} is OWASP's Password Storage Cheat Sheet minimum for
 * Argon2id (19 MiB, 2 passes, 1 lane): about 0.1 s on a 2-core machine once warm, few enough
 * logins that the cost is no burden, and 19 MiB per guess slows an offline attacker's GPU.
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {
    public static final Argon2Cost DEFAULT = new Argon2Cost(19 * 1024, 2, 1);

    /** The largest memory a stored hash may ask for (1 GiB), so a tampered file cannot exhaust the heap. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;

    public Argon2Cost {
        if (parallelism < 1 || parallelism > 16) {
            throw new StationException("Argon2 parallelism " + parallelism + " is out of range 1-16");
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new StationException("Argon2 memory " + memoryKiB + " KiB is out of range " + 8 * parallelism
                    + "-" + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > 100) {
            throw new StationException("Argon2 iterations " + iterations + " are out of range 1-100");
        }
    }

    /** Whether a hash made at this cost uses less memory or fewer passes than {@code wanted}, and so is worth renewing. */
    public boolean weakerThan(Argon2Cost wanted) {
        return memoryKiB < wanted.memoryKiB || iterations < wanted.iterations;
    }
}
