package dev.weft.it.fuzz;

import static dev.weft.Async.await;
import dev.weft.Generator;
import dev.weft.Future;
import dev.weft.fuzz.rt.*;
import java.util.concurrent.CompletableFuture;

// The fuzzer's verbatim output; javac ignores its "all", so the lints it trips are named here.
@SuppressWarnings({"all", "cast", "fallthrough"})
public final class P26 {
int f = 3;
public static Future<Integer> m0(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(6)));
try (Res r0 = new Res("r0", ((int) await(L.i(Math.max(4, 2)))))) {
T.t(r0.use((0 & 9)));
{
{
int v1 = L.va(-1, 6, 0);
T.t((byte) (int) (v1));
}
}
}
double v2 = ((double) await(L.d(0.5)));
return L.i(((int) await(L.i(((int) await(L.i(-3)))))));
}

static Future<Integer> m1(int d, int[] p3, boolean p4) throws Exception {
if (d <= 0) return Future.ready(await(L.i(6)));
Box v5 = new Box(2);
switch (((-2.5 < 1.25f) ? ((String) await(L.str("s1"))) : ("k" + "s1" + 4L))) {
case "s1": {
T.t((p4 ? 8 : 1));
}
break;
case "s2": case "k": {
T.t(((Box) await(L.box(new Box(4L, "s3", 0)))));
}
break;
default: {
int[] v6 = new int[] {-3, 2};
long v7 = (((long) await(L.j(7L))) + (8L - 2L));
}
}
p3 = ((int[]) await(L.arr(p3)));
switch ("s1") {
case "s1": {
Fn fn8 = (int x9) -> {
T.t("s1");
return Future.ready(((true ? false : false) ? ('b' + (short) 9) : (3 - 9)));
};
}
break;
case "s2": case "k": {
Fn fn10 = (int x11) -> {
int[] v12 = new int[] {7, 2}.clone();
int v13 = (x11 % (L.va(x11, x11, x11) | 1));
return Future.ready((int) (double) ((2L / 4.0)));
};
short v14 = ((5.5 < 5.25f) ? (short) -2 : (short) (-3 + (byte) 7));
}
default: {
char v15 = 'i';
long v16 = ((long) await(L.j((0 * 1000L))));
}
}
switch (Color.of(8)) {
case RED: {
short v17 = (short) 2;
Fn fn18 = x19 -> m1(d - 1, ((int[]) await(L.arr(new int[] {5, 2}))), true);
}
break;
case BLUE: {
Box v20 = new Box(Integer.compare(2, 1));
long v21 = ((long) await(L.j(8L)));
}
break;
default: {
float v22 = 7.25f;
}
}
return L.i(((int) await(L.cs((3 / (-2 | 1))))));
}

static Future<Integer> m2(int d, char p23) throws Exception {
if (d <= 0) return Future.ready(await(L.i(7)));
short v24 = (short) 8;
try {
await(L.i(0));
v24 = ((short) await(L.s(v24)));
}
catch (Exception ex25) {
T.t("caught " + ex25.getMessage());
{
await(L.v());
String v26 = String.valueOf(7.25f);
}
}
{
T.t("s1");
char v27 = ((char) await(L.c('j')));
}
try {
int[] v28 = new int[] {8, 2}.clone();
}
catch (RuntimeException ex29) {
T.t("caught " + ex29.getMessage());
{
Fn fn30 = x31 -> m1(d - 1, ((int[]) await(L.arr(new int[] {5, 2}))), true);
char v32 = (char) ('a' + Math.floorMod((int) (long) (8L), 26));
}
}
catch (Exception ex33) {
T.t("caught " + ex33.getMessage());
{
String v34 = (true ? "s3" : "s0");
}
}
try {
String v35 = "s1";
byte v36 = (byte) (int) ((-1 << (6 & 7)));
}
finally {
double v37 = (double) (int) ((-2 << (6 & 7)));
}
return Future.ready(new int[] {1, 2}.clone().length);
}

}
