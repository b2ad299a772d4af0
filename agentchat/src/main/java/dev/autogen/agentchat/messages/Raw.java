package dev.autogen.agentchat.messages;

/** Text that {@code PythonText.repr} of a list should print as is (an object's repr). */
record Raw(String text) {
    @Override
    public String toString() {
        return text;
    }
}
