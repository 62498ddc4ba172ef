// How long this machine takes to write fresh memory once, the floor under filling a feature matrix of that size.
// Build and run: gcc -O2 -pthread -o /tmp/first_touch benchmarks/Ingestion/first_touch.c && /tmp/first_touch [GiB]
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

static size_t bytes;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

static char *fresh(void) { return mmap(0, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); }

struct share { char *start; size_t length; };

static void *touch(void *arg)
{
    struct share *s = arg;
    for (size_t i = 0; i < s->length; i += 4096) s->start[i] = 1;
    return 0;
}

int main(int argc, char **argv)
{
    double gib = argc > 1 ? atof(argv[1]) : 1;
    bytes = (size_t)(gib * (1UL << 30));
    for (int threads = 1; threads <= 2; threads++)
    {
        char *memory = fresh();
        pthread_t ids[2];
        struct share shares[2];
        double start = now();
        for (int t = 0; t < threads; t++)
        {
            shares[t] = (struct share){ memory + bytes / threads * t, bytes / threads };
            pthread_create(&ids[t], 0, touch, &shares[t]);
        }
        for (int t = 0; t < threads; t++) pthread_join(ids[t], 0);
        double first = now() - start;
        start = now();
        struct share all = { memory, bytes };
        touch(&all);
        printf("%.2f GiB, %d thread(s): first write %.2f s, second %.2f s\n", gib, threads, first, now() - start);
        munmap(memory, bytes);
    }
    return 0;
}
