package dev.weft.it.fuzz;

import static dev.weft.Async.await;
import dev.weft.Generator;
import dev.weft.Future;
import dev.weft.fuzz.rt.*;
import java.util.concurrent.CompletableFuture;

@SuppressWarnings({"all", "cast", "fallthrough", "divzero", "empty", "finally", "static"})
public final class Ps0ttqt1 {
int f = 3;
static final Object LOCK = new Object();
public static Future<Integer> m0(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(2)));
T.t((float) (short) ((true ? (short) 7 : (short) 7)));
try {
if ("s2".isEmpty()) return Future.ready((int) (double) (-3.5));
synchronized (Ps0ttqt1.LOCK) {
boolean v0 = (new Box(-2).sum() > (9 ^ -2));
try (Res r1 = new Res("r1", L.va(8, (int) (double) (5.5), (1 << (6 & 7))))) {
T.t(r1.use((switch (Math.floorMod(((int) 9), 4)) { case 0 -> 3; case 1, 2 -> { T.t("s2"); yield java.util.Objects.requireNonNull(2); } default -> 5; })));
{
CharSequence v2 = "c1";
synchronized (L.lock(8)) {
char v3 = 'b';
}
}
}
}
int[] v4 = ((int[]) await(L.arr(new int[] {2, 2}))).clone();
}
catch (FuzzException ex5) {
T.t("sync caught " + ex5.getMessage());
await(L.v());
{
switch ("s2") {
case "s1": {
synchronized (Ps0ttqt1.LOCK) {
L6: for (int i7 = 0; i7 < 1; i7++) {
synchronized (Ps0ttqt1.class) {
boolean v8 = !true;
boolean v9 = (-2 != i7);
if ((v9 ? v8 : v9)) continue;
char v10 = (v8 ? 'h' : 'a');
}
synchronized (Ps0ttqt1.LOCK) {
double v11 = (3.5 - 0.5);
char v12 = 'i';
String v13 = ((6 > i7) ? L.vs(new Box(-1), new Box(9)) : "s0".toUpperCase());
}
}
}
}
break;
case "s2": case "k": {
await(L.v());
CharSequence v14 = new StringBuilder(((CharSequence) await(L.cq("c0"))));
}
break;
default: {
double v15 = (((double) await(L.d(-2.5))) * ((double) await(L.d(6.5))));
synchronized (L.lock((int) await(L.i(Math.max(((int) 9), ((int) 0)))))) {
T.t("s3");
}
}
}
}
}
finally {
await(L.i(0));
{
try {
if (!(5L == -3L)) throw new FuzzException("t" + ((int) await(m1(d - 1, ((String) await(L.str("s0")))))));
}
catch (RuntimeException ex16) {
T.t("caught " + ex16.getMessage());
{
long v17 = (-1L * 2L);
}
}
finally {
short v18 = (short) 9;
}
try {
Fn fn19 = (int x20) -> {
Fn fn21 = x22 -> m1(d - 1, "s0");
return Future.ready(x20);
};
synchronized (Ps0ttqt1.class) {
Object v23 = "o0";
T.t(("s1".isEmpty() ? (switch ("s0") { case "s1", "s2" -> "s0"; case "s3" -> { T.t(6); yield java.util.Objects.requireNonNull("s3"); } default -> "s1"; }) : new StringBuilder("s1").append(((int) 2)).append(((long) 2L)).toString()));
L24: for (int i25 = 0; i25 < 3; i25++) {
synchronized (L.lock(8)) {
byte v26 = (byte) (int) (i25);
if (true) continue L24;
float v27 = 2.25f;
}
if ((Integer.compare(-3, i25) < ('a' + (short) 9))) continue L24;
}
}
L28: for (int i29 = 0; i29 < 3; i29++) {
synchronized (Ps0ttqt1.class) {
T.t(new StringBuilder("s3").append(((boolean) false)).append(((float) -3.25f)).toString());
CharSequence v30 = new StringBuilder((false ? "s0" : new StringBuilder("s3")));
if ((0.5 < 9.25f)) continue L28;
T.t(("s0".isEmpty() ? ("k" + 2L + 9.5) : L.vs("c2", (short) 4)));
}
await(L.i(0));
double v31 = (4.5 * -2.5);
}
}
catch (Exception ex32) {
T.t("sync caught " + ex32.getMessage());
await(L.v());
{
try {
T.t((false ? 6.25f : 5.25f));
synchronized (Ps0ttqt1.LOCK) {
T.t(L.vs((int) (double) (2.5), Math.max(((int) 3), ((int) 2))));
}
Fn fn33 = x34 -> m0(d - 1);
}
catch (FuzzException ex35) {
T.t("sync caught " + ex35.getMessage());
await(L.i(0));
{
int[] v36 = (false ? new int[] {9, 2} : new int[] {2, 2});
}
}
finally {
await(L.v());
{
try {
try {
if (((boolean) await(L.z(true)))) return Future.ready(1);
synchronized (Ps0ttqt1.class) {
Box v37 = new Box(7L, "s1", 9).with((false ? new Box(-3L, "s1", 1) : new Box(9)));
if (!!true) return Future.ready(("k" + -1L + "s3").length());
short v38 = (short) (9 + (byte) 5);
}
boolean v39 = ((String) await(L.str("s3"))).isEmpty();
}
catch (Exception ex40) {
T.t("sync caught " + ex40.getMessage());
await(L.i(0));
{
L41: for (int i42 = 0; i42 < 1; i42++) {
synchronized (Ps0ttqt1.class) {
synchronized (Ps0ttqt1.LOCK) {
String v43 = T.show((false ? new int[] {7, 2} : new int[] {5, 2}));
long v44 = 2L;
}
short v45 = (short) (i42 + (byte) 2);
if ((8 > 6)) break L41;
try {
float v46 = 8.25f;
synchronized (Ps0ttqt1.LOCK) {
long v47 = ((5L * 7L) - (long) (int) (i42));
}
try {
Object v48 = "o2";
synchronized (Ps0ttqt1.LOCK) {
T.t(("k" + (byte) 5 + true));
T.t(("k" + (i42 % (i42 | 1)) + (float) (short) ((short) 8)));
}
char v49 = (char) ('a' + Math.floorMod(((int) 0), 26));
}
finally {
{
String v50 = new Box(8L, "s2", i42).toString();
}
}
}
catch (FuzzException ex51) {
T.t("sync caught " + ex51.getMessage());
{
char v52 = (char) ('a' + Math.floorMod(((int) i42), 26));
int v53 = (switch (Math.floorMod(((int) (v52 + v45)), 4)) { case 0 -> (i42 * 6); case 1, 2 -> { T.t((switch ("s1") { case "s1", "s2" -> "s3"; case "s3" -> { T.t(i42); yield java.util.Objects.requireNonNull("s2"); } default -> "s0"; })); yield java.util.Objects.requireNonNull((int) (long) (5L)); } default -> (6 + i42); });
}
}
}
await(L.i(0));
Object v54 = ((Object) await(L.o("o1")));
}
short v55 = ((short) await(L.s((short) 2)));
}
}
synchronized (L.lock((int) await(L.i((2 % (3 | 1)))))) {
T.t(new Box(6).toString());
synchronized (Ps0ttqt1.LOCK) {
char v56 = (char) ('a' + Math.floorMod(((int) -3), 26));
}
synchronized (Ps0ttqt1.LOCK) {
boolean v57 = (5L == 1L);
}
}
CharSequence v58 = ((CharSequence) await(L.cq("c1")));
}
catch (Exception ex59) {
T.t("sync caught " + ex59.getMessage());
await(L.v());
{
L60: for (int i61 = 0; i61 < 2; i61++) {
synchronized (Ps0ttqt1.LOCK) {
long v62 = (4L * -3L);
if ((false ? true : false)) break L60;
try {
byte v63 = (byte) (int) (i61);
synchronized (L.lock((i61 * i61))) {
char v64 = (char) ('a' + Math.floorMod(((int) -1), 26));
int v65 = (false ? new Box(0) : new Box(1)).sum();
}
byte v66 = (byte) -2;
}
finally {
{
float v67 = 3.25f;
}
}
}
await(L.i(0));
synchronized (Ps0ttqt1.LOCK) {
synchronized (Ps0ttqt1.LOCK) {
int v68 = (i61 / (i61 | 1));
}
Box v69 = new Box(i61);
double v70 = (3L / 4.0);
}
}
long v71 = (L.va(3, 3, -3) * 1000L);
}
}
finally {
await(L.i(0));
{
L72: for (int i73 = 0; i73 < 3; i73++) {
synchronized (Ps0ttqt1.LOCK) {
if ("s3".isEmpty()) break;
int[] v74 = new int[Math.floorMod(((int) ('f' + (short) 1)), 4) + 1];
try {
if (true) throw new FuzzException("t" + (1 * Integer.compare(0, i73)));
synchronized (Ps0ttqt1.LOCK) {
CharSequence v75 = "s2";
CharSequence v76 = ((true ^ false) ? ("k" + (byte) 9 + (short) 0) : new StringBuilder(String.valueOf(((short) (short) 5))));
}
synchronized (Ps0ttqt1.LOCK) {
byte v77 = (byte) (int) (i73);
T.t(new StringBuilder("s3"));
}
}
catch (Exception ex78) {
T.t("sync caught " + ex78.getMessage());
{
if ((true ? false : true)) continue L72;
T.t("s3");
}
}
if ((true ? false : true)) break L72;
Box v79 = new Box(3L, "s0", i73);
}
await(L.i(0));
synchronized (Ps0ttqt1.LOCK) {
Object v80 = (false ? "s1" : new Box(9));
try {
if ((true && false)) return Future.ready(Integer.compare(i73, i73));
synchronized (Ps0ttqt1.LOCK) {
CharSequence v81 = L.vs(i73, 'i');
T.t((-1.25f - (float) (short) ((short) -2)));
}
int[] v82 = (true ? new int[] {-1, 2} : new int[] {4, 2}).clone();
}
finally {
{
byte v83 = (byte) (int) (new int[] {7, 2}.length);
}
}
synchronized (Ps0ttqt1.LOCK) {
short v84 = (short) (2 + (byte) (int) (i73));
Object v85 = ((true ^ true) ? (true ? "s2" : "s3") : (Integer) ((int) "s0".length()));
}
}
}
}
}
CharSequence v86 = (false ? "s2" : new StringBuilder("s2"));
}
}
synchronized (Ps0ttqt1.LOCK) {
synchronized (L.lock(2)) {
boolean v87 = ((6.5 < -3.25f) & (true & false));
}
}
}
}
finally {
await(L.i(0));
{
Box v88 = ((Box) await(L.box(new Box(0)))).with(new Box(-2));
}
}
}
}
long v89 = ((long) (int) (0) * 1L);
String v90 = ((String) await(L.str("s2".concat("s0"))));
T.t((byte) (int) (7));
return L.i(((int) await(m0(d - 1))));
}

static Future<Integer> m1(int d, String p91) throws Exception {
if (d <= 0) return Future.ready(await(L.i(9)));
float v92 = ((float) await(L.f(3.25f)));
boolean v93 = true;
if (((boolean) await(L.z(((boolean) await(L.z(true))))))) {
synchronized (L.lock((int) await(L.i((switch (Math.floorMod(((int) 0), 4)) { case 0 -> 0; case 1, 2 -> { T.t(p91); yield java.util.Objects.requireNonNull(6); } default -> -2; }))))) {
CharSequence v94 = new StringBuilder(p91);
float v95 = (float) (short) ((v93 ? (short) 8 : (short) 1));
}
L96: for (String e97 : java.util.List.of(T.show(new int[] {1, 2}), ((String) await(L.str(p91))))) {
if ((true || v93)) return m1(d - 1, e97);
T.t((v93 ? "s3" : p91));
}
}
return L.i(((int) await(L.i(((int) await(L.i(2)))))));
}

}
