package io.callisto.core.signup;

/** A business signing up: its name, its first admin, and how many seats it wants to lease. */
public record SignupRequest(String companyName, String adminEmail, String adminPassword, String adminName,
                            Integer seats, String plan) {
    @Override
    public String toString() {
        return "SignupRequest[" + companyName + ", " + adminEmail + "]";
    }
}
