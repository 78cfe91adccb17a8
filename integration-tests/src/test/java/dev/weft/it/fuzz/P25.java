package dev.weft.it.fuzz;

import static dev.weft.Async.await;
import dev.weft.Generator;
import dev.weft.Future;
import dev.weft.fuzz.rt.*;
import java.util.concurrent.CompletableFuture;

// The fuzzer's verbatim output; javac ignores its "all", so the lints it trips are named here.
@SuppressWarnings({"all", "cast", "fallthrough"})
public final class P25 {
int f = 3;
public static Future<Integer> m0(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(7)));
if (((-1 * 1000L) == (long) (int) (1))) {
switch (Color.of(((int) await(L.i("s2".length()))))) {
case RED: {
char v0 = ((char) await(L.c('e')));
}
break;
case BLUE: {
T.t((true ? "s3" : "s1"));
T.t((((long) await(L.j(6L))) == (0 * 1000L)));
}
default: {
char v1 = 'j';
boolean v2 = (3L == -1L);
}
}
}
return Future.ready(((int) await(L.i((6 % (-3 | 1))))));
}

static Future<Integer> m1(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(4)));
int v3 = (-2 % (3 | 1));
L4: for (String e5 : java.util.List.of(L.vs(new Box(6), 2L), "s0".concat("s1"))) {
await(L.i(0));
}
double v6 = (double) (int) (v3);
return L.i(((int) await(m0(d - 1))));
}

static Future<Integer> m2(int d, short p7, String p8, String p9) throws Exception {
if (d <= 0) return Future.ready(await(L.i(1)));
await(L.v());
try {
byte v10 = (byte) 0;
{ int i12 = 0; L11: while (i12++ < 0) {
short v13 = (short) (i12 + v10);
long v14 = (i12 * 1000L);
}
}
}
catch (Exception ex15) {
T.t("caught " + ex15.getMessage());
{
if (false) {
Fn fn16 = (int x17) -> {
T.t("s0".concat("s1"));
Box v18 = new Box(5).with(((Box) await(L.box(new Box(-2)))));
return Future.ready((((int) await(L.cs(8))) | Math.max(0, x17)));
};
T.t(String.valueOf(6L));
}
}
}
switch (Math.floorMod((Math.max(0, 1) << (7 & 7)), 4)) {
case 0: {
short v19 = (short) (7 + (byte) -3);
try {
Box v20 = ((Box) await(L.box(new Box(0))));
}
catch (RuntimeException ex21) {
T.t("caught " + ex21.getMessage());
{
String v22 = p8.toUpperCase();
Fn fn23 = (int x24) -> {
Fn fn25 = x26 -> new P25().m3(d - 1, ((String) await(L.str("s1"))), String.valueOf(-2.25f));
return Future.ready(((2 / (9 | 1)) & Math.max(x24, 5)));
};
}
}
}
break;
case 2: {
switch (Color.of(((int) await(L.i(((int) await(L.i(2)))))))) {
case RED: {
char v27 = ((char) await(L.c((true ? 'j' : 'y'))));
double v28 = (-1L / 4.0);
}
break;
case BLUE: {
if (true) return L.i(3);
float v29 = (float) (short) ((short) 9);
}
break;
default: {
T.t(false);
}
}
}
break;
default: {
L30: for (int e31 : new int[] {6, 2}) {
if ((((boolean) await(L.z(false))) || ((boolean) await(L.z(false))))) throw new FuzzException("t" + (((boolean) await(L.z(false))) ? switch (Math.floorMod(4, 4)) { case 0 -> e31; case 1, 2 -> { T.t("s0"); yield e31; } default -> 4; } : ((int) await(L.i(e31)))));
boolean v32 = (0L == ((long) await(L.j(5L))));
}
try {
boolean v33 = false;
T.t((short) (2 + (byte) -3));
}
catch (FuzzException ex34) {
T.t("caught " + ex34.getMessage());
{
float v35 = ((float) await(L.f(0.25f)));
}
}
catch (RuntimeException ex36) {
T.t("caught " + ex36.getMessage());
{
T.t((double) (int) (4));
Fn fn37 = (int x38) -> {
short v39 = (short) (x38 + (byte) 7);
boolean v40 = (8.5 < 1.25f);
return Future.ready(L.va(switch (Math.floorMod(x38, 4)) { case 0 -> x38; case 1, 2 -> { T.t("s3"); yield -3; } default -> x38; }, new int[] {8, 2}.length, new int[] {7, 2}.length));
};
}
}
finally {
if (true) throw new FuzzException("t" + 4);
await(L.i(0));
}
}
}
if (((boolean) await(L.z((false || true))))) {
Box v41 = new Box(-3).with(new Box(0));
float v42 = ((float) await(L.f(6.25f)));
}
return L.i(6);
}

Future<Integer> m3(int d, String p43, String p44) throws Exception {
if (d <= 0) return Future.ready(await(L.i(8)));
this.f = ((int) await(L.i(Math.max(-1, 2))));
String v45 = ((String) await(L.str(p43)));
return L.i(L.va(((int) await(this.e0(d - 1))), ((int) await(L.i(8))), 9));
}

CompletableFuture<Integer> e0(int d) throws Exception {
if (d <= 0) return CompletableFuture.completedFuture(await(L.i(6)));
short v46 = ((5.5 < -3.25f) ? ((short) await(L.s((short) 0))) : (short) (0 + (byte) 1));
boolean v47 = ((boolean) await(L.z(true)));
return CompletableFuture.completedFuture(((int) await(L.i(Integer.compare(-2, 0)))));
}

}
