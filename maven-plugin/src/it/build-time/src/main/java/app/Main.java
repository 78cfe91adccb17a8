package app;

import dev.weft.AsyncRuntime;

public class Main {
    public static void main(String[] args) {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            System.out.println("weft-main says: " + rt.blockOn(Greeter.greet("main")));
        }
    }
}
